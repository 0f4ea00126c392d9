import type { AppDeps } from '../../app-deps.ts';
import { createRouter } from '../../http/router.ts';
import { getGroup, listGroups } from './groups.handlers.ts';
import { getGroupRoute, listGroupsRoute } from './groups.routes.ts';

export const groupsRoutes = (deps: AppDeps) =>
  createRouter().openapi(listGroupsRoute, listGroups(deps)).openapi(getGroupRoute, getGroup(deps));
