process.stdout.write('guardrails: not yet implemented\n');
