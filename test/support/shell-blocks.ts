/**
 * The shell examples of the docs, as test/readme/shell-blocks.test.ts runs them: every ```sh / ```console block
 * (and the other shell fences, and indented code blocks that start with a command, so none escapes) of README.md,
 * CONTRIBUTING.md, ARCHITECTURE.md and docs/*.md;
 * its commands (a console block's `$ ` lines with the output shown under each, a sh block's non-comment lines);
 * a bash session that runs them in order, each as `{ cmd ; } 2>&1`, with its output and exit status told apart;
 * and the match of what ran against what the block shows (`…` matches anything; a line that is only `…` any lines).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The languages of a fence that holds shell. */
const SHELL_LANGUAGES = ['sh', 'bash', 'shell', 'console', 'shell-session', 'zsh'];

export interface ShellBlock {
  /** `docs/cli.md #2`: the page and the block's place among the page's shell blocks. */
  name: string;
  page: string;
  lang: string;
  /** The block's text, byte for byte (without the fences). */
  text: string;
  steps: Step[];
}

export interface Step {
  /** The command as written. */
  command: string;
  /** A console block's output lines under the command; [] for a sh block. */
  shown: string[];
}

/** The pages whose code blocks run as tests: their TypeScript (test/readme/readme.test.ts) and shell (here). */
export function docPages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`);
  return ['README.md', 'CONTRIBUTING.md', 'ARCHITECTURE.md', ...docs].filter((page) => existsSync(join(root, page)));
}

/**
 * Every shell block of the pages, in page order: fenced ones by their language, and indented code blocks (four
 * spaces after a blank line, outside a list) whose first word is a command (a diagram is not shell).
 */
export function shellBlocks(root: string, pages: string[]): ShellBlock[] {
  return pages.flatMap((page) =>
    codeBlocks(readFileSync(join(root, page), 'utf8'))
      .filter((block) => SHELL_LANGUAGES.includes(block.lang) || (block.lang === '' && COMMAND.test(block.text)))
      .map((block, index) => {
        const lang = block.lang === '' ? 'sh' : block.lang;
        return { name: `${page} #${index + 1}`, page, lang, text: block.text, steps: stepsOf(lang, block.text) };
      }),
  );
}

/** The first word of an unfenced block that makes it shell. */
const COMMAND = /^(npm|npx|node|pip3?|python3?|pynenc-contract|git|bash|zcat|cd)\b/;

/** The code blocks of a Markdown text: language ('' when indented) and text (each line ends with a newline). */
function codeBlocks(markdown: string): { lang: string; text: string }[] {
  const lines = markdown.split('\n');
  const blocks: { lang: string; text: string }[] = [];
  let lastText = ''; // the last non-blank line before this one
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    const fence = /^( *)```([\w-]*)/.exec(line);
    if (fence) {
      const indent = fence[1]!;
      let end = at + 1;
      while (end < lines.length && lines[end]!.trimEnd() !== `${indent}\`\`\``) end++;
      // a fence may be indented (in a list item): its lines lose that indent
      const body = lines.slice(at + 1, end).map((text) => text.slice(indent.length));
      blocks.push({ lang: fence[2]!, text: body.map((text) => `${text}\n`).join('') });
      at = end;
      lastText = '```';
      continue;
    }
    const afterBlank = at > 0 && lines[at - 1]!.trim() === '';
    const inList = /^(\s|[-*+] |\d+[.)] )/.test(lastText);
    if (/^ {4}\S/.test(line) && afterBlank && !inList) {
      let end = at;
      while (end < lines.length && (/^ {4}/.test(lines[end]!) || lines[end]!.trim() === '')) end++;
      while (lines[end - 1]!.trim() === '') end--;
      blocks.push({
        lang: '',
        text: lines
          .slice(at, end)
          .map((text) => `${text.slice(4)}\n`)
          .join(''),
      });
      at = end - 1;
      lastText = lines[end - 1]!;
      continue;
    }
    if (line.trim() !== '') lastText = line;
  }
  return blocks;
}

function stepsOf(lang: string, body: string): Step[] {
  const lines = body.split('\n').slice(0, -1); // every line ends with a newline
  if (lang !== 'console') {
    return lines
      .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
      .map((command) => ({
        command,
        shown: [],
      }));
  }
  const steps: Step[] = [];
  for (const line of lines) {
    if (line.startsWith('$ ')) steps.push({ command: line.slice(2), shown: [] });
    else if (steps.length === 0) throw new Error(`a console block starts with output, not a command: ${line}`);
    else steps[steps.length - 1]!.shown.push(line);
  }
  return steps;
}

/** Whether `actual` (output lines) is what `shown` shows: `…` in a line matches anything, a `…` line any lines. */
export function matchesShown(actual: string[], shown: string[]): boolean {
  const patterns = shown.map((line) =>
    line === '…'
      ? null
      : new RegExp(
          `^${line
            .split('…')
            .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
          's',
        ),
  );
  const from = (line: number, pattern: number): boolean => {
    if (pattern === patterns.length) return line === actual.length;
    const current = patterns[pattern];
    if (current === null) {
      for (let next = line; next <= actual.length; next++) if (from(next, pattern + 1)) return true;
      return false;
    }
    return line < actual.length && current!.test(actual[line]!) && from(line + 1, pattern + 1);
  };
  return from(0, 0);
}

export interface StepResult {
  command: string;
  /** stdout and stderr interleaved, as lines. */
  output: string[];
  status: number;
}

/**
 * Runs `commands` in one bash process in `cwd` (after `prelude`), each as `{ cmd\n} 2>&1`, keeping `$?` from one
 * command to the next (so `echo $?` tells the previous command's exit code).
 */
export async function runSession(
  commands: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; prelude?: string; timeoutMs?: number },
): Promise<StepResult[]> {
  const mark = `__step_done_${randomBytes(8).toString('hex')}`;
  const script = [
    options.prelude ?? '',
    ...commands.map(
      (command) => `{ ${command}\n} 2>&1\n__status=$?; printf '\\n${mark} %d\\n' "$__status"; (exit "$__status")`,
    ),
  ].join('\n');
  const { stdout, code } = await runBash(script, options);
  const results: StepResult[] = [];
  let rest = stdout;
  for (const command of commands) {
    const at = rest.indexOf(`\n${mark} `);
    if (at < 0) throw new Error(`bash stopped before \`${command}\` ended (exit ${code}):\n${stdout.slice(-4000)}`);
    const end = rest.indexOf('\n', at + 1 + mark.length);
    const output = rest.slice(0, at);
    results.push({
      command,
      output: output === '' ? [] : output.replace(/\n$/, '').split('\n'),
      status: Number(rest.slice(at + mark.length + 2, end)),
    });
    rest = rest.slice(end + 1);
  }
  return results;
}

function runBash(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => (stdout += data));
    child.stderr.setEncoding('utf8').on('data', (data: string) => (stderr += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stderr !== '') reject(new Error(`bash wrote on its own stderr (outside the commands):\n${stderr}`));
      else resolve({ stdout, code });
    });
  });
}
