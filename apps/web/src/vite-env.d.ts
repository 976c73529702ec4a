// Vite's client types: asset imports such as `?url` and CSS side-effect imports.
/// <reference types="vite/client" />
