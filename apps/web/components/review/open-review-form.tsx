import { REVIEW_NOTE_MAX_LENGTH, TITLE_MAX_LENGTH } from '@liaison/core';
import { openReviewAction } from '../../app/reviews/actions';
import { Choice } from '../choice';
import { VersionOptions } from '../select-options';
import { ActionForm } from './action-form';

/** "Open a review" for the owner's editors and admins: one version, a title and a closing date. */
export function OpenReviewForm({
  documentId,
  versions,
  defaultClosesOn,
}: {
  documentId: string;
  versions: Array<{ id: string; label: string }>;
  defaultClosesOn: string;
}) {
  return (
    <section className="card" aria-labelledby="open-review-title">
      <h2 id="open-review-title" className="card__title">
        Call for comments
      </h2>
      <details>
        <summary>Open a review</summary>
        <ActionForm
          action={openReviewAction.bind(null, documentId)}
          submitLabel="Open the review"
          label="Open a review"
        >
          <div className="field">
            <label className="field__label" htmlFor="review-version">
              Version
            </label>
            <select id="review-version" name="versionId" defaultValue={versions[0]?.id}>
              <VersionOptions versions={versions} />
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="review-title">
              Title
            </label>
            <input
              id="review-title"
              name="title"
              required
              maxLength={TITLE_MAX_LENGTH}
              defaultValue={versions[0] ? `Call for comments on ${versions[0].label}` : ''}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="review-note">
              Note <span className="muted">(optional)</span>
            </label>
            <textarea id="review-note" name="note" rows={3} maxLength={REVIEW_NOTE_MAX_LENGTH} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="review-closes">
              Closing date
            </label>
            <input
              id="review-closes"
              name="closesOn"
              type="date"
              required
              defaultValue={defaultClosesOn}
            />
          </div>
          <Choice
            type="checkbox"
            name="requireIprAcknowledgement"
            label="Commenters must acknowledge our IPR policy"
          />
        </ActionForm>
      </details>
    </section>
  );
}
