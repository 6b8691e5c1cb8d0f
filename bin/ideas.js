#!/usr/bin/env node
// The whole CLI lives in the bundle; this file only hands it the process.
import { main } from '../dist/cli.js';
main();
