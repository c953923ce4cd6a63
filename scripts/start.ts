// `npm start`: serves the production build (`npm run build` first) through our server
// (scripts/server.ts): client addresses, request ids, structured logs and a graceful stop on
// SIGTERM. Settings come from the environment (lib/env.ts); PORT and HOST say where to listen.
// `--dev` serves the dev build instead (used by `npm run dev`).
import { runUntilSignalled } from "./server";

await runUntilSignalled({ dev: process.argv.includes("--dev") });
