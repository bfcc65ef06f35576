/**
 * Bad input to reviews (issue 13): each is a clear 4xx with a JSON error body and changes nothing,
 * neither a table nor the bucket.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from './client.js';
import { signInDemoPeople } from './demo-actors.js';
import { answerOf, sendJson } from './raw-requests.js';
import {
  type CommentBody,
  commented,
  commentFields,
  daysFromToday,
  dispose,
  openedReview,
  openReview,
  postComment,
  type ReviewBody,
  sharedDocument,
} from './review-fixtures.js';
import { useSignedInApi } from './signed-in-api.js';
import { expectError, expectUnchanged, field, filePart, iprSha256 } from './submission-fixtures.js';

const MAX_UPLOAD_BYTES = 64 * 1024;

const demo = useSignedInApi((api) => signInDemoPeople(api.url), {
  MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
});
const { as } = demo;
let document: { id: string; versionId: string };
let review: ReviewBody;
let comment: CommentBody;

beforeAll(async () => {
  document = await sharedDocument(as('editor@dmtf'));
  review = await openedReview(as('editor@dmtf'), document);
  comment = await commented(as('member@ofa'), review);
});

const attachment = filePart('markup.pdf', `%PDF-1.7 ${'z'.repeat(2000)}`);

describe('opening a review', () => {
  it.each([
    ['a closing date in the past', { closesOn: daysFromToday(-1) }, 422, 'closing_date_passed'],
    ['a date that does not exist', { closesOn: '2031-02-30' }, 400, 'invalid_input'],
    ['no closing date', { closesOn: undefined }, 400, 'invalid_input'],
    [
      'an unknown version',
      { versionId: '00000000-0000-4000-8000-000000000000' },
      422,
      'unknown_version',
    ],
    ['an overlong note', { note: 'n'.repeat(10_001) }, 400, 'invalid_input'],
    ['an empty title', { title: '' }, 400, 'invalid_input'],
    ['an unknown field', { everything: true }, 400, 'invalid_input'],
  ])('with %s', async (_name, overrides, status, code) => {
    const other = await sharedDocument(as('editor@dmtf'));
    await expectUnchanged(demo.api, async () => {
      const answer = await openReview(as('editor@dmtf'), other.id, {
        versionId: other.versionId,
        title: 'Call for comments',
        closesOn: daysFromToday(30),
        ...overrides,
      });
      expectError(answer, status, code);
    });
  });

  it('while another review of the document is open', async () => {
    await expectUnchanged(demo.api, async () => {
      const answer = await openReview(as('editor@dmtf'), document.id, {
        versionId: document.versionId,
        title: 'A second call',
        closesOn: daysFromToday(5),
      });
      expectError(answer, 409, 'review_already_open');
    });
  });

  it('by a reader who is not an editor of the owner, or cannot read the document', async () => {
    const body = { versionId: document.versionId, title: 'Mine', closesOn: daysFromToday(5) };
    await expectUnchanged(demo.api, async () => {
      expectError(await openReview(as('member@dmtf'), document.id, body), 403, 'forbidden');
      expectError(await openReview(as('editor@ofa'), document.id, body), 403, 'forbidden');
      expectError(await openReview(as('member@snia'), document.id, body), 404, 'not_found');
    });
  });

  it('extending into the past', async () => {
    await expectUnchanged(demo.api, async () => {
      const answer = await sendJson(as('editor@dmtf'), 'PATCH', `/api/v1/reviews/${review.id}`, {
        closesOn: daysFromToday(-3),
      });
      expectError(answer, 422, 'closing_date_passed');
    });
  });
});

describe('commenting', () => {
  it('on an unknown review', async () => {
    await expectUnchanged(demo.api, async () => {
      const answer = await postComment(as('member@ofa'), '00000000-0000-4000-8000-000000000000', [
        ...commentFields(document.versionId),
        attachment,
      ]);
      expectError(answer, 404, 'not_found');
    });
  });

  it('on a version that is not the reviewed one', async () => {
    const { uploadVersion } = await import('./factories.js');
    const newer = await uploadVersion(as('editor@dmtf'), document.id, '0.2');
    await expectUnchanged(demo.api, async () => {
      const answer = await postComment(as('member@ofa'), review.id, [
        ...commentFields(newer),
        attachment,
      ]);
      expectError(answer, 422, 'wrong_version');
    });
  });

  it.each([
    ['an overlong comment', { body: 'b'.repeat(20_001) }, 'invalid_input'],
    ['an empty comment', { body: '' }, 'invalid_input'],
    ['no comment', { body: undefined }, 'invalid_input'],
    ['an overlong location', { location: 'l'.repeat(201) }, 'invalid_input'],
    ['a location of two lines', { location: 'page 1\npage 2' }, 'invalid_input'],
    ['an overlong proposed change', { proposedChange: 'p'.repeat(20_001) }, 'invalid_input'],
    ['an unknown kind', { kind: 'rant' }, 'invalid_input'],
    ['no version', { versionId: undefined }, 'invalid_input'],
  ])('with %s', async (_name, overrides, code) => {
    await expectUnchanged(demo.api, async () => {
      const answer = await postComment(as('member@ofa'), review.id, [
        ...commentFields(document.versionId, overrides),
        attachment,
      ]);
      expectError(answer, 400, code);
    });
  });

  it('with an unknown field, two files, or fields after the file', async () => {
    await expectUnchanged(demo.api, async () => {
      expectError(
        await postComment(as('member@ofa'), review.id, [
          ...commentFields(document.versionId),
          field('everything', 'yes'),
        ]),
        400,
        'unknown_field',
      );
      expectError(
        await postComment(as('member@ofa'), review.id, [
          ...commentFields(document.versionId),
          attachment,
          attachment,
        ]),
        400,
        'too_many_files',
      );
      expectError(
        await postComment(as('member@ofa'), review.id, [
          field('versionId', document.versionId),
          attachment,
          field('kind', 'general'),
          field('body', 'Late fields'),
        ]),
        400,
        'invalid_input',
      );
    });
  });

  it('with a file larger than the limit', async () => {
    await expectUnchanged(demo.api, async () => {
      const answer = await postComment(as('member@ofa'), review.id, [
        ...commentFields(document.versionId),
        filePart('huge.pdf', Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41)),
      ]);
      expectError(answer, 413, 'payload_too_large');
    });
  });

  it('as JSON instead of a form', async () => {
    await expectUnchanged(demo.api, async () => {
      const answer = await sendJson(
        as('member@ofa'),
        'POST',
        `/api/v1/reviews/${review.id}/comments`,
        { versionId: document.versionId, kind: 'general', body: 'x' },
      );
      expectError(answer, 415, 'unsupported_media_type');
    });
  });

  it('by someone who cannot read the document, or anonymously', async () => {
    await expectUnchanged(demo.api, async () => {
      const parts = [...commentFields(document.versionId), attachment];
      expectError(await postComment(as('member@snia'), review.id, parts), 404, 'not_found');
      expectError(
        await postComment(new TestClient(demo.api.url), review.id, parts),
        401,
        'unauthenticated',
      );
    });
  });

  it('without the IPR acknowledgement the review asks for, or with an outdated one', async () => {
    const other = await sharedDocument(as('editor@dmtf'));
    const withIpr = await openedReview(as('editor@dmtf'), other, {
      requireIprAcknowledgement: true,
    });
    const sha = await iprSha256(as('member@ofa'), 'dmtf');
    await expectUnchanged(demo.api, async () => {
      const missing = await postComment(as('member@ofa'), withIpr.id, [
        ...commentFields(other.versionId),
        attachment,
      ]);
      expectError(missing, 400, 'ipr_not_accepted');
      const noHash = await postComment(as('member@ofa'), withIpr.id, [
        ...commentFields(other.versionId, { acceptIpr: 'true' }),
        attachment,
      ]);
      expectError(noHash, 400, 'ipr_not_accepted');
      const outdated = await postComment(as('member@ofa'), withIpr.id, [
        ...commentFields(other.versionId, { acceptIpr: 'true', iprPolicySha256: 'a'.repeat(64) }),
        attachment,
      ]);
      expectError(outdated, 409, 'ipr_policy_changed');
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  it('on a closed review', async () => {
    const other = await sharedDocument(as('editor@dmtf'));
    const closing = await openedReview(as('editor@dmtf'), other);
    await as('editor@dmtf').json('POST', `/api/v1/reviews/${closing.id}/close`);
    await expectUnchanged(demo.api, async () => {
      const answer = await postComment(as('member@ofa'), closing.id, [
        ...commentFields(other.versionId),
        attachment,
      ]);
      expectError(answer, 409, 'review_closed');
      const again = await answerOf(
        await as('editor@dmtf').fetch(`/api/v1/reviews/${closing.id}/close`, { method: 'POST' }),
      );
      expectError(again, 409, 'review_closed');
    });
  });
});

describe('changing a comment', () => {
  it('by anyone but its author', async () => {
    await expectUnchanged(demo.api, async () => {
      const edit = await sendJson(as('editor@ofa'), 'PATCH', `/api/v1/comments/${comment.id}`, {
        body: 'Not mine',
      });
      expectError(edit, 403, 'forbidden');
      const withdraw = await answerOf(
        await as('editor@dmtf').fetch(`/api/v1/comments/${comment.id}/withdraw`, {
          method: 'POST',
        }),
      );
      expectError(withdraw, 403, 'forbidden');
      const hidden = await answerOf(
        await as('member@snia').fetch(`/api/v1/comments/${comment.id}/withdraw`, {
          method: 'POST',
        }),
      );
      expectError(hidden, 404, 'not_found');
    });
  });

  it('with an overlong body or nothing to change', async () => {
    await expectUnchanged(demo.api, async () => {
      for (const body of [{ body: 'b'.repeat(20_001) }, {}, { kind: 'rant' }]) {
        const answer = await sendJson(
          as('member@ofa'),
          'PATCH',
          `/api/v1/comments/${comment.id}`,
          body,
        );
        expectError(answer, 400, 'invalid_input');
      }
    });
  });
});

describe('dispositions', () => {
  it('by a commenter', async () => {
    await expectUnchanged(demo.api, async () => {
      for (const name of ['member@ofa', 'editor@ofa', 'member@dmtf']) {
        const answer = await dispose(as(name), comment.id, {
          disposition: 'accepted',
          response: 'Fine by me',
        });
        expect(answer.status, name).toBeOneOf([403, 404]);
        expect(answer.body).toMatchObject({ error: { code: expect.any(String) } });
      }
    });
  });

  it('duplicate of a comment of another review, of itself, or of none', async () => {
    const other = await sharedDocument(as('editor@dmtf'));
    const otherReview = await openedReview(as('editor@dmtf'), other);
    const elsewhere = await commented(as('member@ofa'), otherReview);
    await expectUnchanged(demo.api, async () => {
      for (const duplicateOf of [
        elsewhere.id,
        comment.id,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const answer = await dispose(as('editor@dmtf'), comment.id, {
          disposition: 'duplicate',
          response: 'Seen before',
          duplicateOf,
        });
        expectError(answer, 422, 'unknown_comment');
      }
      const without = await dispose(as('editor@dmtf'), comment.id, {
        disposition: 'duplicate',
        response: 'Seen before',
      });
      expectError(without, 422, 'duplicate_of_required');
      const stray = await dispose(as('editor@dmtf'), comment.id, {
        disposition: 'accepted',
        response: 'Yes',
        duplicateOf: elsewhere.id,
      });
      expectError(stray, 400, 'invalid_input');
    });
  });

  it('resolved in a version of another document, an unknown value, an overlong response', async () => {
    const other = await sharedDocument(as('editor@dmtf'));
    await expectUnchanged(demo.api, async () => {
      expectError(
        await dispose(as('editor@dmtf'), comment.id, {
          disposition: 'accepted',
          response: 'Done',
          resolvedInVersionId: other.versionId,
        }),
        422,
        'unknown_version',
      );
      expectError(
        await dispose(as('editor@dmtf'), comment.id, { disposition: 'maybe', response: '' }),
        400,
        'invalid_input',
      );
      expectError(
        await dispose(as('editor@dmtf'), comment.id, {
          disposition: 'rejected',
          response: 'r'.repeat(20_001),
        }),
        400,
        'invalid_input',
      );
    });
  });

  it('of a withdrawn comment', async () => {
    const gone = await commented(as('member@ofa'), review, { body: 'Withdrawn soon' });
    await as('member@ofa').json('POST', `/api/v1/comments/${gone.id}/withdraw`);
    await expectUnchanged(demo.api, async () => {
      const answer = await dispose(as('editor@dmtf'), gone.id, {
        disposition: 'rejected',
        response: 'No',
      });
      expectError(answer, 409, 'comment_withdrawn');
    });
  });
});

describe('lists and the log', () => {
  it('with a bad cursor, filter or format', async () => {
    await expectUnchanged(demo.api, async () => {
      for (const path of [
        `/api/v1/reviews/${review.id}/comments?cursor=abc`,
        `/api/v1/reviews/${review.id}/comments?kind=rant`,
        `/api/v1/reviews/${review.id}/comments?limit=0`,
        '/api/v1/reviews?open=true&cursor=tomorrow',
        `/api/v1/reviews/${review.id}/log?format=xlsx`,
        `/api/v1/reviews/${review.id}/log?disposition=maybe`,
      ]) {
        const answer = await answerOf(await as('editor@dmtf').fetch(path));
        expect(answer.status, path).toBe(400);
        expect(answer.body).toMatchObject({ error: { code: expect.any(String) } });
      }
    });
  });
});
