#!/usr/bin/env -S node --max-semi-space-size=64
// A 64 MB young generation: a server allocates fast, and with the default scavenges came every
// few dozen requests, each a pause of 2-5 ms in whichever request it landed (routing p99).
import '../dist/server/cli/main.js';
