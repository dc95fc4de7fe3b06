// Preloaded with `node --import`: records every module URL the process resolves into the file named
// by TRACE_IMPORTS_FILE (hooks run on their own thread, so a file is the simplest channel back).
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url);
