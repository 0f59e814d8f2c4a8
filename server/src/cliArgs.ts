// How every command of the command line reads its arguments: `--name value` or `--name=value`, and the folder
// and day options several commands take, checked and worded the same way everywhere.
import * as fs from 'fs';
import * as path from 'path';
import { isCalendarDay } from './core/calendarDay';

export class ArgReader {
  private at = 0;
  constructor(private readonly args: readonly string[]) {}

  /** Whether the current argument is the option `name`, written `--name` or `--name=value`. */
  is(name: string): boolean {
    const a = this.args[this.at];
    return a === name || a.startsWith(`${name}=`);
  }

  /** The current option's value: after its `=`, else the next argument (which is then used up). */
  value(name: string): string {
    const a = this.args[this.at];
    const eq = a.indexOf('=');
    if (eq !== -1) return a.slice(eq + 1);
    if (this.at + 1 >= this.args.length) throw new Error(`${name} needs a value`);
    return this.args[++this.at];
  }

  /** The current option's value, a folder that exists, as an absolute path. */
  folder(name: string): string {
    const dir = this.value(name);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new Error(`${name} must name a folder, not "${dir}"`);
    return path.resolve(dir);
  }

  /** The current option's value, a day written YYYY-MM-DD. */
  day(name: string): string {
    const d = this.value(name);
    if (!isCalendarDay(d)) throw new Error(`${name} must be a day written YYYY-MM-DD, not "${d}"`);
    return d;
  }

  /**
   * Calls `each` on every argument in turn. `each` returns a message to stop with (an empty one for --help).
   * Returns that message, or the problem with an option's value, or undefined when all were read.
   */
  static read(args: readonly string[], each: (arg: string, reader: ArgReader) => string | undefined): string | undefined {
    const reader = new ArgReader(args);
    for (; reader.at < args.length; reader.at++) {
      try {
        const stop = each(args[reader.at], reader);
        if (stop !== undefined) return stop;
      } catch (e) {
        return (e as Error).message;
      }
    }
    return undefined;
  }
}
