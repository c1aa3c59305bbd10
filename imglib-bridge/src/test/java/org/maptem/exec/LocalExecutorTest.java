package org.maptem.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.maptem.udf.UdfException;

class LocalExecutorTest extends ExecutorContract {

	@Override
	protected Executor executor(final int threads) {
		return new LocalExecutor(threads);
	}

	@Test
	void threadCountMustBePositive() {
		assertTrue(assertThrows(UdfException.class, () -> new LocalExecutor(0)).getMessage().contains("'threads'"));
		assertEquals(Runtime.getRuntime().availableProcessors(), new LocalExecutor().threads());
	}
}
