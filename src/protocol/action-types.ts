// What each Action takes and gives. The request comes from `paths`, the body openapi-fetch checks
// for the Action's path key; the result is the `Result` inside the Action's success envelope.
import type { actions, Action, components, paths } from './generated.js';

/** The Action's path key in `paths`: `/portrait/?Action=<Action>&Version=...`. */
export type PathOf<A extends Action> = (typeof actions)[A]['path'];
export type RequestOf<A extends Action> = paths[PathOf<A>]['post']['requestBody']['content']['application/json'];
export type ResultOf<A extends Action> = components['schemas'][(typeof actions)[A]['result']];
