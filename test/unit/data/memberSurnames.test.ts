import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { MEMBER_SURNAMES } from '../../../server/src/engine/recognizers/memberSurnames';
import { deriveMemberSurnames, memberSurnamesFile, memberSurnamesModule } from '../../support/memberSurnameSource';

describe('known member surnames (memberSurnames.ts)', () => {
  it('are the surnames the recorded motion sources name', function () {
    this.timeout(20000);
    const derived = deriveMemberSurnames();
    if (process.env.KAMERWIJZER_WRITE_SURNAMES === '1') fs.writeFileSync(memberSurnamesFile, memberSurnamesModule(derived));
    assert.deepEqual([...MEMBER_SURNAMES].sort(), derived);
  });

  it('hold real members and no common words', () => {
    for (const name of ['grinwis', 'kostic', 'lee', 'omtzigt', 'klaver']) assert.ok(MEMBER_SURNAMES.has(name), name);
    for (const word of ['regering', 'kamer', 'motie', 'staat', 'verzoekt']) assert.ok(!MEMBER_SURNAMES.has(word), word);
  });
});
