import { describe, expect, it } from 'vitest';
import { checkFileName, uniqueFileName, untitledName, withYamlExtension } from './file-names';

describe('editor file names', () => {
  it('adds .yaml unless the name already ends in .yaml or .yml', () => {
    expect(withYamlExtension('web')).toBe('web.yaml');
    expect(withYamlExtension(' web.yml ')).toBe('web.yml');
    expect(withYamlExtension('web.YAML')).toBe('web.YAML');
    expect(withYamlExtension('web.json')).toBe('web.json.yaml');
  });

  it('refuses empty, odd and taken names', () => {
    expect(checkFileName('.yaml', [])).toBe('empty');
    expect(checkFileName('my app.yaml', [])).toBe('invalid');
    expect(checkFileName('a/b.yaml', [])).toBe('invalid');
    expect(checkFileName('web.yaml', ['web.yaml'])).toBe('taken');
    expect(checkFileName('web_2.yaml', ['web.yaml'])).toBeUndefined();
  });

  it('numbers copies and untitled files', () => {
    expect(uniqueFileName('deployment.yaml', ['deployment.yaml', 'deployment-2.yaml'])).toBe('deployment-3.yaml');
    expect(uniqueFileName('deployment/web', [])).toBe('deployment-web.yaml');
    expect(untitledName(['untitled-1.yaml'])).toBe('untitled-2.yaml');
  });
});
