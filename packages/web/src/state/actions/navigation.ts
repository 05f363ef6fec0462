import type { Route } from "../../lib/route.js";
import { sameRoute } from "../../lib/route.js";
import type { Action } from "../action.js";

/** The location hash changed. */
export const routeChanged: Action<Route> = (state, route) => (sameRoute(state.route, route) ? state : { ...state, route });
