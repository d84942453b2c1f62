import { describe, expect, it } from 'vitest';
import { session } from './support/testing/harness';

describe('kubectl version', () => {
  it('prints client, Kustomize and server versions', () => {
    const s = session();
    expect(s.run('kubectl version').output).toBe('Client Version: v1.34.0\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n');
    expect(s.run('kubectl version --client').output).toBe('Client Version: v1.34.0\nKustomize Version: v5.7.1\n');
  });

  it('prints YAML (sorted, with a trailing blank line) and JSON (struct order, 2-space indent)', () => {
    const s = session();
    expect(s.run('kubectl version --client -o yaml').output).toBe(
      'clientVersion:\n  buildDate: "2025-08-27T10:09:04Z"\n  compiler: gc\n  gitCommit: f28b4c9efbca5c5c0af716d9f2d5702667ee8a45\n  gitTreeState: clean\n  gitVersion: v1.34.0\n  goVersion: go1.24.6\n  major: "1"\n  minor: "34"\n  platform: linux/amd64\nkustomizeVersion: v5.7.1\n\n',
    );
    const json = s.ok('kubectl version -o json');
    expect(json.startsWith('{\n  "clientVersion": {\n    "major": "1",\n    "minor": "34",\n    "gitVersion": "v1.34.0",\n')).toBe(true);
    expect(json).toContain('  "kustomizeVersion": "v5.7.1",\n  "serverVersion": {\n    "major": "1",\n    "minor": "34",\n    "emulationMajor": "1",\n    "emulationMinor": "34",\n    "minCompatibilityMajor": "1",\n    "minCompatibilityMinor": "33",\n');
    expect(json.endsWith('  }\n}\n')).toBe(true);
    expect(s.run('kubectl version -o wide').output).toBe("error: --output must be 'yaml' or 'json'\n");
  });
});
