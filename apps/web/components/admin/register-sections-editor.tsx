'use client';

import { REGISTER_TEXT_MAX_LENGTH } from '@liaison/core';
import type { RegisterSections, SectionItem, TextSection } from '../../lib/register-form';
import styles from './admin.module.css';
import type { FieldBinding } from './form-parts';
import { SelectField, TextAreaField } from './form-parts';

const SECTION_TITLES: Record<TextSection, { legend: string; hint: string; item: string }> = {
  benefits: {
    legend: 'Alliance benefits',
    hint: 'What each party, or the alliance as a whole (joint), gains.',
    item: 'Benefit',
  },
  activities: {
    legend: 'Activities',
    hint: 'The activities each party is expected to carry out.',
    item: 'Activity',
  },
  limitations: {
    legend: 'Limitations',
    hint: 'What the alliance does not cover.',
    item: 'Limitation',
  },
  accessRules: {
    legend: 'Access',
    hint: 'Who may see which information, grouped as the register groups it.',
    item: 'Access rule',
  },
};

const SCOPE_OPTIONS = [
  { value: 'general', label: 'All information' },
  { value: 'public', label: 'Information accessed publicly' },
  { value: 'non-public', label: 'Non-public work in progress' },
  { value: 'intellectual-property', label: 'Intellectual property' },
];

/**
 * Every text section of the register, item by item, each item's text a paragraph (a textarea).
 * One blank row per section adds an item; emptying an item's text removes it. Saved with the rest
 * of the form.
 */
export function RegisterSectionsEditor({
  sections,
  parties,
  bind,
  submitted,
}: {
  sections: RegisterSections;
  parties: readonly { slug: string; name: string }[];
  bind: (name: string, initial?: string) => FieldBinding;
  /** The values of a failed submission, to re-tick the "open item" boxes. */
  submitted: Record<string, string> | undefined;
}) {
  return (
    <>
      <input type="hidden" name="sections" value="1" />
      {(Object.keys(SECTION_TITLES) as TextSection[]).map((section) => {
        const title = SECTION_TITLES[section];
        const rows: SectionItem[] = [
          ...sections[section],
          {
            party: section === 'activities' ? (parties[0]?.slug ?? null) : null,
            text: '',
            open: false,
            scope: 'general',
          },
        ];
        const partyOptions = [
          ...(section === 'activities' ? [] : [{ value: '', label: 'Joint (the alliance)' }]),
          ...parties.map((party) => ({ value: party.slug, label: party.name })),
        ];
        return (
          <fieldset key={section} className={styles.fieldset}>
            <legend>{title.legend}</legend>
            <p className={styles.hint}>
              {title.hint} Empty an item’s text to remove it; the last, blank item adds one.
            </p>
            <input type="hidden" name={`${section}.count`} value={rows.length} />
            {rows.map((item, row) => {
              const field = `${section}.${row}`;
              const isNew = row === rows.length - 1;
              const openChecked = submitted ? submitted[`${field}.open`] === 'on' : item.open;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the section's items have no ids, only order
                <div key={row} className={styles.sectionItem}>
                  <div className={styles.row}>
                    {section === 'accessRules' && (
                      <SelectField
                        label="About"
                        options={SCOPE_OPTIONS}
                        {...bind(`${field}.scope`, item.scope ?? 'general')}
                      />
                    )}
                    <SelectField
                      label="Party"
                      options={partyOptions}
                      {...bind(`${field}.party`, item.party ?? '')}
                    />
                    <label className={styles.choice}>
                      <input type="checkbox" name={`${field}.open`} defaultChecked={openChecked} />
                      Open item (“?” in the register)
                    </label>
                  </div>
                  <TextAreaField
                    label={isNew ? `New ${title.item.toLowerCase()}` : `${title.item} ${row + 1}`}
                    optional={isNew}
                    rows={3}
                    maxLength={REGISTER_TEXT_MAX_LENGTH}
                    {...bind(`${field}.text`, item.text)}
                  />
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}
