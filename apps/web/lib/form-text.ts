/** Field `name` of a form, trimmed; '' when it is missing or a file. */
export function formText(form: { get(name: string): unknown }, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
