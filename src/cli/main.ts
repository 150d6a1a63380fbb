#!/usr/bin/env node
/**
 * pynenc-contract: the contract on the command line.
 *   validate <DTO> [files…|-]   check documents or JSON Lines against a DTO schema
 *   format <DTO> [file|-]       read as Python reads, write as Python writes
 *   generate [--check]          rebuild (or drift-check) generated/ from contract/ (in a checkout)
 *   compat --against <ref|dir>  the compatibility gate against a baseline contract
 *   events | markers | runs | tail  pynenc's monitoring records in a SQLite file or Redis (src/cli/monitoring.ts)
 * Exit codes: 0 ok · 1 invalid documents / incompatible change · 2 usage or I/O error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DTO_NAMES } from '../../generated/schemas';
import { DEFAULT_MAX_ISSUES } from '../limits';
import { CompatInputError, COMPAT_MODES, RULE_IDS } from '../compat';
import { ContractError } from '../errors';
import { runCompat } from './compat';
import { runFormat } from './format';
import { packageVersion, runGenerate } from './generate';
import { CliError, EXIT_USAGE, OutputError } from './io';
import { registerMonitoringCommands } from './monitoring';
import { runValidate, type ValidateOptions } from './validate';

const DTO_HELP = `DTO: one of ${DTO_NAMES.join(', ')}`;

/** --max-issues N: problems listed per document (the rest are counted: "N more problems not listed"). */
function maxIssuesOption(): Option {
  const help = `problems listed per document; the rest are counted (default ${DEFAULT_MAX_ISSUES})`;
  return new Option('--max-issues <n>', help).argParser((value: string): number => {
    const count = Number(value);
    if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(count) || count < 1) {
      throw new InvalidArgumentError('expected an integer >= 1');
    }
    return count;
  });
}

function formatOption(): Option {
  return new Option('--format <format>', 'output for people (text) or machines (json)')
    .choices(['text', 'json'])
    .default('text');
}

export function buildProgram(): Command {
  const program = new Command('pynenc-contract')
    .description(
      'The pynenc trigger-monitoring contract on the command line: validate and format documents, regenerate code, ' +
        'check compatibility.\nExit codes: 0 ok, 1 invalid / incompatible, 2 usage or I/O error.',
    )
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureHelp({ showGlobalOptions: false });

  program
    .command('validate')
    .summary('check documents or JSON Lines against a DTO schema')
    .description(
      'Check JSON documents (one per file) or JSON Lines (one per line, --jsonl) against a DTO schema.\n' +
        'Prints one line per problem: file:line path: message. Reads stdin when no file (or -) is given.',
    )
    .argument('<DTO>', DTO_HELP)
    .argument('[files...]', 'files to check; - for stdin')
    .option('--jsonl', 'inputs are JSON Lines, streamed in constant memory', false)
    .addOption(maxIssuesOption())
    .option(
      '--consistency',
      "also warn where a valid document breaks an invariant pynenc's writers keep (exit code unchanged)",
    )
    .addOption(formatOption())
    .option('--progress', 'show a progress line on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'never show a progress line')
    .addHelpText(
      'after',
      '\nText output: problems on stdout, a summary on stderr. --format json: one JSON object per line on stdout,\n' +
        '{"kind":"problem",file,line,path,message,keyword} for each problem, ' +
        '{"kind":"more",file,line,count} for the problems\n' +
        'of a document beyond --max-issues, {"kind":"error",message} for an unreadable input,\n' +
        'and a last {"kind":"summary",...}.\n\nExamples:\n' +
        '  pynenc-contract validate EventRecord event.json\n' +
        '  pynenc-contract validate --jsonl TriggerRunRecord runs.jsonl\n' +
        '  cat events.jsonl | pynenc-contract validate --jsonl --format json EventRecord -',
    )
    .action(async (dto: string, files: string[], opts: ValidateOptions) => {
      process.exitCode = await runValidate(dto, files, opts);
    });

  program
    .command('format')
    .summary('read as Python reads, write as Python writes (fromJson → toJson)')
    .description(
      "Read a document as Python's from_json reads it and write it as Python's to_json writes it " +
        '(fromJson → toJson):\n' +
        'defaults filled in, timestamps normalized, keys in contract order, unknown keys dropped ' +
        '(and reported on stderr).',
    )
    .argument('<DTO>', DTO_HELP)
    .argument('[file]', 'file to read; - or nothing for stdin')
    .option('--jsonl', 'input is JSON Lines: one document per line in, one per line out', false)
    .addOption(maxIssuesOption())
    .addHelpText(
      'after',
      '\nA document that cannot be read is reported on stderr (file:line path: message), not written; exit 1.\n\n' +
        'Example:\n  pynenc-contract format --jsonl EventRecord events.jsonl > canonical.jsonl',
    )
    .action(async (dto: string, file: string | undefined, opts: { jsonl: boolean; maxIssues?: number }) => {
      process.exitCode = await runFormat(dto, file, opts);
    });

  program
    .command('generate')
    .summary('rebuild or drift-check generated/ from contract/ (in a checkout)')
    .description(
      'Rebuild generated/ from contract/ (npm run generate), or with --check exit 1 when generated/ has drifted.\n' +
        'Works only in a checkout of pynenc-monitoring-contract with devDependencies installed: ' +
        'the pipeline is scripts/index.ts, run by tsx.',
    )
    .option('--check', 'do not write; exit 1 when generated/ differs from what contract/ produces', false)
    .action(async (opts: { check: boolean }) => {
      process.exitCode = await runGenerate(opts);
    });

  program
    .command('compat')
    .summary('compatibility gate against a baseline contract (folder or git ref)')
    .description(
      'Compare the contract with a baseline and classify every change ' +
        "by Confluent Schema Registry's JSON Schema rules.\n" +
        'Exit 1 when a change breaks the mode (or a reserved-field / version rule is violated), ' +
        'unless every $id (and\n' +
        'generated CONTRACT_VERSION) carries a higher major version than the baseline.',
    )
    .option(
      '--against <baseline>',
      'baseline: a folder of *.schema.json files, or a git ref (its copy of the contract folder); ' +
        'default: the newest baseline the package ships (contract/baselines/v<N>)',
    )
    .addOption(
      new Option(
        '--mode <mode>',
        'backward: new readers read old documents; forward: old readers read new ones; full: both',
      )
        .choices([...COMPAT_MODES])
        .default('backward'),
    )
    .addOption(formatOption())
    .option(
      '--contract <dir>',
      "the current contract folder (default: ./contract when it holds *.schema.json files, else the package's own)",
    )
    .option(
      '--generated <file>',
      'generated/schemas.ts to check against the $ids ' +
        '(default: generated/schemas.ts beside the contract folder, when present)',
    )
    .option('--no-generated', 'skip the generated/schemas.ts check')
    .addHelpText(
      'after',
      '\nEach finding: rule id, DTO, JSON pointer, and whether it breaks backward / forward compatibility\n' +
        `(${RULE_IDS.length} rules; the table is in the README).\n\nExamples:\n` +
        '  pynenc-contract compat --against contract/baselines/v1\n' +
        '  pynenc-contract compat --against origin/main --mode full --format json',
    )
    .action(
      (opts: {
        against?: string;
        mode: string;
        format: 'text' | 'json';
        contract?: string;
        generated?: string | false;
      }) => {
        process.exitCode = runCompat(opts);
      },
    );

  registerMonitoringCommands(program);

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  guardOutput();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    process.exitCode = EXIT_USAGE;
    // The CLI's own errors (usage, input, output) and any typed error of the package: one line, no stack trace.
    if (err instanceof OutputError && err.stream === '<stderr>') return; // nowhere left to say it
    if (err instanceof CliError || err instanceof CompatInputError)
      process.stderr.write(`pynenc-contract: ${err.message}\n`);
    else if (err instanceof ContractError) process.stderr.write(`pynenc-contract: ${err.code}: ${err.message}\n`);
    else process.stderr.write(`pynenc-contract: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
}

/**
 * A write to stdout or stderr that fails (a full disk, a reader that closed the pipe: `| head`) ends the command:
 * one line on stderr (when stdout failed and stderr still works), exit 2. The failure reaches the stream's
 * 'error' event whoever wrote (a LineWriter turns it into an OutputError on its next line; other writers may
 * never write again), so the process ends here, at once, instead of running on with nowhere to write.
 */
function guardOutput(): void {
  const fail = (stream: string, err: unknown): void => {
    if (stream === '<stdout>') process.stderr.write(`pynenc-contract: ${new OutputError(stream, err).message}\n`);
    process.exit(EXIT_USAGE);
  };
  process.stdout.on('error', (err) => fail('<stdout>', err));
  process.stderr.on('error', (err) => fail('<stderr>', err));
}

if (require.main === module) void main();
