import { comments } from './commands/comments.js';
import { login, logout } from './commands/login.js';
import { ls } from './commands/ls.js';
import { pull } from './commands/pull.js';
import { push } from './commands/push.js';
import { show } from './commands/show.js';
import { statements } from './commands/statements.js';
import { submit } from './commands/submit.js';
import { type Io, print } from './context.js';
import { describeFailure, EXIT_OK, EXIT_USAGE } from './failure.js';
import { COMMAND_HELP, MAIN_HELP } from './usage.js';

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<void>> = {
  login,
  logout,
  ls,
  show,
  push,
  pull,
  submit,
  statements,
  comments,
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** Runs one command line and answers the exit code; failures are one line on stderr. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? args[0] : undefined;
    io.stdout.write(topic && COMMAND_HELP[topic] ? COMMAND_HELP[topic] : MAIN_HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version') {
    io.stdout.write('liaison 0.1.0\n');
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    print(io.stderr, `liaison: unknown command ${name} (see "liaison --help")`);
    return EXIT_USAGE;
  }
  if (wantsHelp(args)) {
    io.stdout.write(COMMAND_HELP[name]!);
    return EXIT_OK;
  }
  try {
    await command(args, io);
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error, io.apiUrl);
    print(io.stderr, `liaison: ${failure.message.replace(/\s*\n\s*/g, ' ')}`);
    return failure.exitCode;
  }
}
