/** The options of a select that picks one of a document's versions, by its label. */
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
