// Runs graphql-codegen on codegen.ts in memory, once per extra document glob given as JSON in argv[2],
// and prints one JSON array: each run's generated files by name, or its error. One node process
// loads codegen once for every scenario of test/codegen/operationFacts.test.ts (jest's ESM module
// system cannot load codegen's CommonJS plugins itself).
//   node test/codegen/generateInMemory.mjs '["/tmp/x/operations/*.graphql"]'
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const { config } = await loadCodegenConfig({ configFilePath: 'codegen.ts' });
const runs = [];
for (const extra of JSON.parse(process.argv[2])) {
  try {
    const files = await generate({ ...config, documents: [config.documents, extra], silent: true }, false);
    runs.push({ files: Object.fromEntries(files.map((file) => [file.filename, file.content])) });
  } catch (error) {
    runs.push({ error: String(error instanceof Error ? error.message : error) });
  }
}
process.stdout.write(JSON.stringify(runs));
