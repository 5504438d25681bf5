import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import { BaseCommand } from '../cli/base.js';
import { closest, UsageError } from '../cli/errors.js';
import { RULES, RULESET_VERSION } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';

type Listed = Omit<RuleMeta, 'planSteps' | 'messages'> & {
  docs: string;
  scope: 'host' | 'fleet';
  planSteps?: readonly string[];
  messages?: Readonly<Record<string, string>>;
};

export interface RuleListing {
  rulesetVersion: string;
  rules: Listed[];
}

export interface RulePage {
  rulesetVersion: string;
  rule: Listed;
  /** The rule's page (docs/rules/<ID>.md), Markdown. */
  page: string;
}

/** The package's root (dist/commands/rules.js -> ../..), where docs/ ships. */
const ROOT = new URL('../../', import.meta.url);

async function catalog(): Promise<Listed[]> {
  const { FLEET_RULES } = await import('../fleet/rules/index.js');
  const byId = new Map<string, Listed>();
  for (const r of RULES) byId.set(r.meta.id, { ...r.meta, docs: `docs/rules/${r.meta.id}.md`, scope: 'host' });
  // A cross-host rule (MFA-FLEET-*) is listed too; a rule that is both (MFA-CMP-002) is listed once, as the host rule.
  for (const r of FLEET_RULES) {
    if (byId.has(r.meta.id)) continue;
    const own = `docs/rules/${r.meta.id}.md`;
    byId.set(r.meta.id, { ...r.meta, docs: existsSync(new URL(own, ROOT)) ? own : 'docs/fleet.md', scope: 'fleet' });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A page for a rule that has no file of its own (the fleet rules are described in docs/fleet.md). */
function generatedPage(r: Listed): string {
  return (
    [
      `# ${r.id}: ${r.title}`,
      '',
      `**Severity:** ${r.severity}${r.severityNote ? ` (${r.severityNote})` : ''}`,
      '',
      `**Component:** \`${r.component}\``,
      '',
      `**Scope:** ${r.scope === 'fleet' ? 'across hosts (`fleet` only)' : 'one host'}`,
      '',
      '## What it checks',
      '',
      r.description,
      '',
      r.scope === 'fleet' ? 'More in docs/fleet.md (the fleet report, waves and cross-host rules).' : '',
    ]
      .join('\n')
      .trimEnd() + '\n'
  );
}

export default class Rules extends BaseCommand {
  static override summary = "List the rule catalog (host and fleet rules), or print one rule's page.";
  static override description =
    "Without an ID: every rule with its severity, component and title. With an ID (e.g. MFA-LIFE-001): that rule's page, what it checks, why it matters and how to fix it (docs/rules/<ID>.md).";
  static override examples = [
    '<%= config.bin %> rules',
    '<%= config.bin %> rules --json',
    '<%= config.bin %> rules MFA-LIFE-001',
    '<%= config.bin %> rules MFA-FLEET-008 --json',
  ];
  static override enableJsonFlag = true;
  static override args = {
    id: Args.string({ description: 'a rule id, e.g. MFA-LIFE-001: print its page', required: false }),
  };

  async run(): Promise<RuleListing | RulePage> {
    const { args } = await this.parse(Rules);
    const rules = await catalog();
    if (args.id !== undefined) return this.page(rules, args.id);
    if (!this.jsonEnabled()) {
      const w = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) this.log(`${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.component.padEnd(14)}  ${r.title}`);
      const fleet = rules.filter((r) => r.scope === 'fleet').length;
      this.log(
        `\n${rules.length} rules (${fleet} across hosts, for fleet), ruleset ${RULESET_VERSION}. One rule's page: ${this.config.bin} rules <ID>`,
      );
    }
    return { rulesetVersion: RULESET_VERSION, rules };
  }

  private async page(rules: Listed[], id: string): Promise<RulePage> {
    const rule = rules.find((r) => r.id.toLowerCase() === id.trim().toLowerCase());
    if (!rule) {
      const near = closest(
        id.trim().toUpperCase(),
        rules.map((r) => r.id),
      );
      throw new UsageError(`${id} is not a rule id${near ? `; did you mean ${near}?` : ''} (the list: ${this.config.bin} rules)`);
    }
    let page: string;
    try {
      page = rule.docs.startsWith('docs/rules/') ? await readFile(new URL(rule.docs, ROOT), 'utf8') : generatedPage(rule);
    } catch {
      page = generatedPage(rule);
    }
    if (!this.jsonEnabled()) process.stdout.write(page.endsWith('\n') ? page : page + '\n');
    return { rulesetVersion: RULESET_VERSION, rule, page };
  }
}
