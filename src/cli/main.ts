/**
 * @module cli/main
 * `kefu <command>`: serve, import, train, eval. Each command is a file of its own.
 */
import { runEval } from './eval-command';
import { runHandoff } from './handoff-command';
import { runImport } from './import-command';
import { runServe } from './serve-command';
import { runTrain } from './train-command';

const USAGE = `usage: kefu <command>

  serve                 start the chat server (PORT, HOST, KEFU_DATA_DIR, KEFU_SHOP_SECRET)
  import FOLDER         import shop data (products, customers, orders, events, faq)
  train                 train the NLU from intents/ and the catalogue; print held-out accuracy
  eval [--train F] --test F [--json] [--lang zh|en|auto] [--report DIR]
                        score intent examples (JSON Lines {"text","intent"})
  handoff list | handoff release CONVERSATION_ID
                        conversations waiting for staff; hand one back to the bot
`;

export async function main(argv: string[]): Promise<number | void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServe(rest);
    case 'import':
      return runImport(rest);
    case 'train':
      return runTrain(rest);
    case 'eval':
      return runEval(rest);
    case 'handoff':
      return runHandoff(rest);
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
