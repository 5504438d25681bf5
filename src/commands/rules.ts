import { BaseCommand } from '../cli/base.js';
import { RULES, RULESET_VERSION } from '../rules/index.js';

export interface RuleListing {
  rulesetVersion: string;
  rules: { id: string; severity: string; severityNote?: string; title: string; component: string; stages: string[] | 'all'; pendingOnly: boolean; seed: { file: string; section: string }; description: string; docs: string }[];
}

export default class Rules extends BaseCommand {
  static override summary = 'List the rule catalog: id, severity, title, component.';
  static override examples = ['<%= config.bin %> rules', '<%= config.bin %> rules --json'];
  static override enableJsonFlag = true;

  async run(): Promise<RuleListing> {
    await this.parse(Rules);
    const rules = [...RULES]
      .map((r) => ({ ...r.meta, docs: `docs/rules/${r.meta.id}.md` }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!this.jsonEnabled()) {
      const w = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) this.log(`${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.component.padEnd(14)}  ${r.title}`);
      this.log(`\n${rules.length} rules, ruleset ${RULESET_VERSION}. Details: docs/rules/<ID>.md`);
    }
    return { rulesetVersion: RULESET_VERSION, rules };
  }
}
