// A file's uri is the one Node's pathToFileURL gives, whether or not the path takes the short way (fileUri).
import * as assert from 'assert';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { fileUri } from '../../server/src/node/corpusLoader';

describe('fileUri', () => {
  it('gives what pathToFileURL gives, for plain paths and for paths that need escaping or resolving', () => {
    const paths = ['/work/.bench/x/1.txt', '/a/.../b', '/a/..b/c', '/a/b/..', '/a/b/.', '/a/b.txt', '/work/x-y_z/001.txt', '/a/./b.txt', '/a/../b', '/a//b', '/a/b/', '/a/.hidden/x.txt', '/a b/c.txt', '/\u00e4/x', '/a/b.', '/', '/a/100%.txt', '/a/#1.txt', '/a/q?.txt', 'relative/x.txt'];
    for (const p of paths) assert.strictEqual(fileUri(p), pathToFileURL(path.resolve(p)).href, p);
  });
});
