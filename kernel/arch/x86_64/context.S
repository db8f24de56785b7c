/*
 * context_switch(uint64_t *save_rsp, uint64_t load_rsp): the only way
 * between kernel stacks.  It saves what the C ABI says a callee keeps,
 * so the switched-out thread resumes as if the call had just returned.
 */
	.text
	.global context_switch
context_switch:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

/* A new thread's first switch "returns" here, onto its user trap frame. */
	.global thread_first_run
thread_first_run:
	call sched_after_switch
	movq %rsp, %rdi
	jmp trap_return
