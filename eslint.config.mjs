// ESLint: the browser code (docs/assets/javascripts/), its tests and the Node scripts.
// `make lint` runs it through pre-commit. The pure modules (core/) get no browser or Node
// globals at all, so a `document`, `window` or `process` there is an error: they must run
// the same in the page and under `node --test`.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "build/", ".venv/", ".cache/", "tests/fixtures/"] },
  js.configs.recommended,
  {
    // URLSearchParams is the one Web API that core/ may use: browsers and Node both have it.
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { URLSearchParams: "readonly" } },
    rules: {
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["docs/assets/javascripts/ui/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["tests/js/**/*.mjs", "scripts/**/*.mjs", "eslint.config.mjs"],
    languageOptions: { globals: globals.node },
  },
];
