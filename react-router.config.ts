import type { Config } from '@react-router/dev/config'

// React Router v8's behaviour, adopted now where it changes nothing we rely on (decision 092).
export default {
  ssr: true,
  future: {
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_trailingSlashAwareDataRequests: true,
    // Not yet: middleware makes the load context a RouterContextProvider (every route reading
    // the client's address, the tests that call loaders), and pass-through requests show loaders
    // the raw `.data` URL (the sign-in redirect reads the path). Each is its own change.
    v8_middleware: false,
    v8_passThroughRequests: false,
  },
} satisfies Config
