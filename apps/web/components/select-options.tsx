// The options of the selects that pick from the same kinds of things across the forms.

/** One option for each of a fixed list of values, shown by its label. */
export function LabelledOptions<V extends string>({
  values,
  labels,
}: {
  values: readonly V[];
  labels: Readonly<Record<V, string>>;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

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

/** One of a document's versions, by its label. */
export function VersionOptions({
  versions,
}: {
  versions: readonly { id: string; label: string }[];
}) {
  return versions.map((version) => (
    <option key={version.id} value={version.id}>
      {version.label}
    </option>
  ));
}

/** An organization, by its name. */
export function OrganizationOptions({
  organizations,
}: {
  organizations: readonly { slug: string; name: string }[];
}) {
  return organizations.map((organization) => (
    <option key={organization.slug} value={organization.slug}>
      {organization.name}
    </option>
  ));
}

/** A work register, by its title. */
export function RegisterOptions({
  registers,
}: {
  registers: readonly { slug: string; title: string }[];
}) {
  return registers.map((register) => (
    <option key={register.slug} value={register.slug}>
      {register.title}
    </option>
  ));
}
