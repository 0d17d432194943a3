// Every test file runs with this MSW server listening and no default handlers:
// any request a test did not mock fails loudly instead of reaching the network.
// Add handlers per test with `mockServer.use(...)` (see tests/mocks/github.ts).
import { setupServer } from "msw/node";

export const mockServer = setupServer();
