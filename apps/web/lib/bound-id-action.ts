import { isUuid } from './proxy';

/**
 * A server action on the object whose id the page bound (`action.bind(null, id)`): an id that is
 * no UUID names nothing, so it is answered with `missing` before `handle` runs.
 */
export function boundIdAction<State>(
  missing: State,
  handle: (id: string, form: FormData) => Promise<State>,
): (id: string, previous: State, form: FormData) => Promise<State> {
  return async (id, _previous, form) => (isUuid(id) ? handle(id, form) : missing);
}
