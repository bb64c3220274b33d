// Runs the extension test suite in a VS Code that @vscode/test-electron downloads: the standard
// runner, for machines that can reach update.code.visualstudio.com (see runCodeServer.ts for the
// others). On Linux without a display, run it under xvfb-run.
//
//   node out/test/extension/runElectron.js [--workspace DIR] [--suite FILE] [--extension DIR]
//
// Env: GUARDRAILS_VSCODE_VERSION (default 1.100.3, the version code-server 4.100.3 ships, so both
// runners test the same VS Code).
import { runTests } from '@vscode/test-electron';
import { readTestArgs } from './runner/testArgs';

async function main(): Promise<number> {
  const args = readTestArgs();
  try {
    return await runTests({
      version: process.env.GUARDRAILS_VSCODE_VERSION || '1.100.3',
      extensionDevelopmentPath: args.extension,
      extensionTestsPath: args.suite,
      // The workspace first: VS Code opens it. Other installed extensions stay out of the way.
      launchArgs: [args.workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (error) {
    console.error(`[vscode-test] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
