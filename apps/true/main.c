/*
 * true: does nothing, successfully (POSIX's true).  The smallest program
 * the runtime starts: make bench spawns it (apps/bench/spawn_ops.c).
 */
int main(void)
{
	return 0;
}
