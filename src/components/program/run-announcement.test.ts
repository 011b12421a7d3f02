import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAnnouncement } from './run-announcement.ts';

test('a run ends with its time, the line of its error, or why it stopped', () => {
  assert.equal(runAnnouncement({ status: 'done' }, '120 ms'), 'Done in 120 ms');
  assert.equal(runAnnouncement({ status: 'done' }, null), 'Done');
  const error = { name: 'TypeError', message: 'x is not a function', line: 3, column: 5 };
  assert.equal(runAnnouncement({ status: 'error', error }, '4 ms'), 'Error at line 3');
  assert.equal(
    runAnnouncement({ status: 'error', error: { ...error, line: null, column: null } }, null),
    'Error: TypeError',
  );
  assert.equal(
    runAnnouncement({ status: 'timeout', limitMs: 10_000 }, '10.0 s'),
    'Stopped by the time limit of 10 s',
  );
  assert.equal(runAnnouncement({ status: 'stopped' }, '1.2 s'), 'Stopped');
});
