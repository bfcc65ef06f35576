// Runs once when the Next.js server starts, before it handles requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { observeBrowserAddresses } = await import('./lib/browser-address');
    observeBrowserAddresses();
    const { restoreDownloadLengths } = await import('./lib/download-length');
    restoreDownloadLengths();
  }
}
