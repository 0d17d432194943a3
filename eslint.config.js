// ESLint: TypeScript, React hooks, and the import boundaries that keep the layers
// (docs/architecture.md) holding by rule instead of by habit.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const db = ["~/utils/db.server", "**/utils/db.server", "@prisma/client", "@prisma/client/*"];
const octokit = ["@octokit/*"];
const integrations = ["~/integrations/*", "**/integrations/*"];
const routes = ["~/routes/*", "**/routes/*", "../routes/*"];
const components = ["~/components/*", "**/components/*"];

/** `no-restricted-imports` with one message per group of forbidden paths. */
function forbid(...groups) {
  return {
    "no-restricted-imports": ["error", { patterns: groups.map(([group, message]) => ({ group, message })) }],
  };
}

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      ".cache/**",
      "prisma/.generated/**",
      "prisma/migrations/**",
      "bench/**",
      "tests/.tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "no-empty": ["error", { allowEmptyCatch: true }],
      // The request edge matches NUL and other control characters on purpose, to refuse them.
      "no-control-regex": "off",
      // Values only the browser knows (its time zone, the page's hydration) are read in an
      // effect after the first render on purpose, so server and client render the same HTML.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // Routes: parse, authorize, call a domain function, render. No database, no
    // GitHub client, no integration and no other route.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: forbid(
      [db, "Routes call a domain module (app/<area>/*.server.ts), never the database."],
      [octokit, "Routes never talk to GitHub; call a domain module."],
      [integrations, "Routes never call an integration; call a domain module."],
      [
        [...routes, "./*"],
        "A route never imports another route; move shared code to a domain module or component.",
      ],
    ),
  },
  {
    // Components are presentational: no data access.
    files: ["app/components/**/*.{ts,tsx}"],
    rules: forbid(
      [db, "Components never touch the database."],
      [octokit, "Components never talk to GitHub."],
      [integrations, "Components never call an integration."],
      [routes, "Components never import a route."],
    ),
  },
  {
    // Integrations are small clients for outside services; they know nothing of the program.
    files: ["app/integrations/**/*.{ts,tsx}"],
    ignores: ["app/integrations/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~/(?!integrations/|utils/)|\\.\\./(?!utils/))",
              message: "Integrations never import domain modules, routes or components (only utils).",
            },
          ],
        },
      ],
    },
  },
  {
    // Domain modules never import routes or components.
    files: ["app/*/**/*.{ts,tsx}"],
    ignores: ["app/routes/**", "app/components/**", "app/integrations/**"],
    rules: forbid(
      [routes, "Domain modules never import routes."],
      [components, "Domain modules never import components."],
    ),
  },
  // One direction between areas that used to import each other: issues → pulls
  // (the sync stores pull snapshots), dashboards → reflections, review → applications.
  ...[
    ["pulls", "issues", "Pulls never import issues: issues depend on pulls, not the other way round."],
    ["reflections", "dashboards", "Reflections never import dashboards: dashboards read reflections."],
    ["applications", "review", "Applications never import review: review reads applications."],
  ].map(([area, other, message]) => ({
    files: [`app/${area}/**/*.{ts,tsx}`],
    rules: forbid(
      [routes, "Domain modules never import routes."],
      [components, "Domain modules never import components."],
      [[`~/${other}/*`, `**/${other}/*`], message],
    ),
  })),
  {
    // Notice texts live in one module of templates (app/notifications/templates.ts):
    // areas pass `...noticeText(kind, facts)`, never a subject or body of their own.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/notifications/**", "app/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.name='queueNotice'] Property[key.name=/^(subject|bodyText|kind)$/]",
          message:
            "Notice texts live in app/notifications/templates.ts: pass ...noticeText(kind, facts) to queueNotice.",
        },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["tests/**/*.{ts,tsx}", "prisma/**/*.ts", "*.config.{js,ts}", "remix.config.js"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
