import { createRouter } from '../../http/router.ts';
import { health } from './health.handlers.ts';
import { healthRoute } from './health.routes.ts';

export const healthRoutes = () => createRouter().openapi(healthRoute, health);
