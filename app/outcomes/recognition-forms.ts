// Which button was pressed on the after-the-cohort pages; each button's fields are checked
// by its own schema in recognition.server.
import { buttonForm } from "~/utils/forms";

export const afterButtonForm = buttonForm(
  ["withdraw", "share", "showcase-on", "showcase-off", "testimonial"],
  "Unknown action.",
);

export const completionButtonForm = buttonForm(
  ["settings", "apply", "exception", "testimonial"],
  "Unknown action.",
);
