// The options of the selects that pick from the same kinds of things across the forms.

/** One option for each choice that carries its own value and label. */
export function ChoiceOptions({
  options,
}: {
  options: readonly { value: string; label: string }[];
}) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** One option for each of a fixed list of values, shown by its label. */
export function LabelledOptions<V extends string>({
  values,
  labels,
}: {
  values: readonly V[];
  labels: Readonly<Record<V, string>>;
}) {
  return <ChoiceOptions options={values.map((value) => ({ value, label: labels[value] }))} />;
}

type Version = { id: string; label: string };
type Organization = { slug: string; name: string };
type Register = { slug: string; title: string };

/** A document's versions, by their labels. */
export function VersionOptions({ versions }: { versions: readonly Version[] }) {
  return <ChoiceOptions options={versions.map(({ id, label }) => ({ value: id, label }))} />;
}

/** Organizations, by their names. */
export function OrganizationOptions({ organizations }: { organizations: readonly Organization[] }) {
  return (
    <ChoiceOptions
      options={organizations.map(({ slug, name }) => ({ value: slug, label: name }))}
    />
  );
}

/** Work registers, by their titles. */
export function RegisterOptions({ registers }: { registers: readonly Register[] }) {
  return (
    <ChoiceOptions options={registers.map(({ slug, title }) => ({ value: slug, label: title }))} />
  );
}
