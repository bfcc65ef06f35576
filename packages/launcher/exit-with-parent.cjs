// Preloaded (node --require) into child processes the launcher starts through an IPC channel:
// when the launcher goes away, even by SIGKILL, the channel closes and the child ends too, so no
// orphaned server keeps a port busy.
if (typeof process.send === 'function') {
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
