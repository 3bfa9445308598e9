/**
 * One Node major everywhere: the version these machines run and test on. .nvmrc, every `node-version` in the GitHub
 * workflows, every node image in docker-compose.yaml and package.json's `engines` must agree with it, so that what CI
 * builds is what was tested here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const NVMRC = read('.nvmrc').trim();

describe('Node version', () => {
  it('.nvmrc names one major, the one running these tests', () => {
    expect(NVMRC).toMatch(/^\d+$/);
    expect(process.versions.node.split('.')[0]).toBe(NVMRC);
  });

  it('every workflow step that sets up Node uses it', () => {
    const files = readdirSync(join(ROOT, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f));
    const found: string[] = [];
    for (const f of files) {
      // node-version: a `with:` input of actions/setup-node and of grafana/plugin-actions/build-plugin
      for (const m of read(join('.github', 'workflows', f)).matchAll(/node-version(-file)?:\s*['"]?([^'"\s#]+)/g)) {
        found.push(`${f}: ${m[1] ? read(m[2]).trim() : m[2]}`);
      }
    }
    expect(found.length).toBeGreaterThanOrEqual(files.length);
    expect(found).toEqual(found.map((x) => x.replace(/: .*$/, `: ${NVMRC}`)));
  });

  it('every workflow that runs npm sets Node up (no runner default)', () => {
    for (const f of readdirSync(join(ROOT, '.github', 'workflows')).filter((x) => /\.ya?ml$/.test(x))) {
      const wf = parse(read(join('.github', 'workflows', f)));
      for (const [name, job] of Object.entries(wf.jobs) as Array<[string, { steps?: Array<Record<string, any>> }]>) {
        const steps = job.steps ?? [];
        const runsNpm = steps.some((s) => /\bnpm\b|\bnpx\b/.test(String(s.run ?? '')));
        const setsNode = steps.some((s) => /setup-node|build-plugin/.test(String(s.uses ?? '')));
        expect({ job: `${f}/${name}`, setsNode: setsNode || !runsNpm }).toEqual({
          job: `${f}/${name}`,
          setsNode: true,
        });
      }
    }
  });

  it("docker-compose.yaml's node images use it", () => {
    const compose = parse(read('docker-compose.yaml'));
    const images = Object.values(compose.services as Record<string, { image?: string }>)
      .map((s) => s.image ?? '')
      .filter((i) => /^node:/.test(i));
    expect(images.length).toBeGreaterThan(0);
    images.forEach((i) => expect(i).toMatch(new RegExp(`^node:${NVMRC}(-|$|\\.)`)));
  });

  it("package.json's engines starts at it: >=N with N the .nvmrc major", () => {
    const range = JSON.parse(read('package.json')).engines.node as string;
    expect(range.replace(/\s+/g, '')).toMatch(new RegExp(`^>=${NVMRC}(\\.0(\\.0)?)?$`));
  });
});
