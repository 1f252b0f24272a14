// 创新平台: the module's public functions.
export {};
