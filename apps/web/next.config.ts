import path from 'node:path';
import type { NextConfig } from 'next';

// The monorepo root: output file tracing (for standalone output) and Turbopack must both see
// the hoisted node_modules and the workspace packages that live above apps/web.
const monorepoRoot = path.join(__dirname, '..', '..');

const nextConfig: NextConfig = {
  // The web image (the Dockerfile's `web` target) builds with NEXT_OUTPUT=standalone to get a
  // self-contained server; a normal build stays compatible with `next start`.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  reactStrictMode: true,
  outputFileTracingRoot: monorepoRoot,
  turbopack: { root: monorepoRoot },
  images: { unoptimized: true },
  // The per-request ones (Content-Security-Policy with its nonce, Strict-Transport-Security) are
  // set by proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          // The portal uses none of these; neither may anything a page would embed.
          {
            key: 'Permissions-Policy',
            value:
              'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
          },
        ],
      },
    ];
  },
};

export default nextConfig;
