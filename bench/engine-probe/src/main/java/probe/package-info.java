/**
 * A standalone probe timing one engine at a time (DJL 0.35.1 or JavaCPP's PyTorch 2.10 preset)
 * on the tiny brain's PPO minibatch update and nanoGPT's CPU training step; see README.md.
 */
package probe;
