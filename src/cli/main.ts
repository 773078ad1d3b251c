/**
 * @module cli/main
 * `kefu <command>`: serve, init, import, train, eval, … Each command is a file of its own.
 */
import { runConfig } from './config-command';
import { runEval } from './eval-command';
import { runExport } from './export-command';
import { runHandoff } from './handoff-command';
import { runImport } from './import-command';
import { runInit } from './init-command';
import { runRetention } from './retention-command';
import { runServe } from './serve-command';
import { runStaff } from './staff-command';
import { runTrain } from './train-command';

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
  switch (command) {
    case 'serve':
      return runServe(rest);
    case 'init':
      return runInit(rest);
    case 'import':
      return runImport(rest);
    case 'train':
      return runTrain(rest);
    case 'eval':
      return runEval(rest);
    case 'handoff':
      return runHandoff(rest);
    case 'export':
      return runExport(rest);
    case 'retention':
      return runRetention(rest);
    case 'staff':
      return runStaff(rest);
    case 'config':
      return runConfig(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`kefu: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
