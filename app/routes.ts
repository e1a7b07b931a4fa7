import { type RouteConfig, index, route } from '@react-router/dev/routes'

export default [
  index('routes/home.tsx'),
  route('petition/signed', 'routes/petition-signed.tsx'),
  route('petition/confirm/:token', 'routes/petition-confirm.tsx'),
  route('petition/thanks', 'routes/petition-thanks.tsx'),
  route('petition.json', 'routes/petition-json.ts'),
  route('healthz', 'routes/healthz.ts'),
  route('privacy', 'routes/privacy.tsx'),
  route('dev/mailbox', 'routes/dev-mailbox.tsx'),
  route('dev/mailbox/:id', 'routes/dev-mailbox-message.tsx'),
] satisfies RouteConfig
