/**
 * @module cli/main
 * `kefu <command>`: serve, init, import, train, eval, … Each command is a file of its own, loaded
 * only when it runs: `kefu config` and `kefu --help` do not load the server, the NLU or the stores.
 */

type Command = (args: string[]) => Promise<number | void>;

const COMMANDS = new Map<string, () => Promise<Command>>([
  ['serve', async () => (await import('./serve-command')).runServe],
  ['init', async () => (await import('./init-command')).runInit],
  ['import', async () => (await import('./import-command')).runImport],
  ['train', async () => (await import('./train-command')).runTrain],
  ['eval', async () => (await import('./eval-command')).runEval],
  ['handoff', async () => (await import('./handoff-command')).runHandoff],
  ['export', async () => (await import('./export-command')).runExport],
  ['retention', async () => (await import('./retention-command')).runRetention],
  ['staff', async () => (await import('./staff-command')).runStaff],
  ['config', async () => (await import('./config-command')).runConfig],
]);

const HELP = [undefined, '-h', '--help', 'help'];

const USAGE = `usage: kefu <command>

  serve [--shop DIR] [--workers N|auto]
                        start the chat server (KEFU_PORT, KEFU_HOST, KEFU_DATA_DIR, KEFU_SHOP_DIR, KEFU_SHOP_SECRET, KEFU_WORKERS)
  init DIR              write a starter shop folder (domain.json, intents/, dialogs/, knowledge/) for --shop
  config [--json]       the effective configuration: each setting's value and source, secrets masked
  import FOLDER         import shop data (products, customers, orders, events, faq)
  train                 train the NLU from intents/ and the catalogue; print held-out accuracy
  eval [--train F] --test F [--json] [--lang zh|en|auto] [--report DIR] [--mlp [--mlp-mode fallback|average|alone]]
                        score intent examples (JSON Lines {"text","intent"})
  eval --task sentiment [--train F] --test F [--json] [--lang zh|en|auto]
                        score sentiment examples (JSON Lines {"text","label":"positive"|"negative"})
  handoff list | handoff release CONVERSATION_ID
                        conversations waiting for staff; hand one back to the bot
  export --conversations --since DATE [--format jsonl|csv] [--out FILE]
                        redacted transcripts since DATE, for audits
  retention [--days N]  delete conversations idle for N days (KEFU_RETENTION_DAYS)
  staff add NAME --role agent|admin [--display-name X] [--password-stdin] | staff list
                        console accounts; add prints a one-time password
`;

export async function main(argv: string[]): Promise<number | void> {
  const [command, ...rest] = argv;
  if (HELP.includes(command)) {
    process.stdout.write(USAGE);
    return 0;
  }
  const load = COMMANDS.get(command as string);
  if (!load) {
    process.stderr.write(`kefu: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  return (await load())(rest);
}
