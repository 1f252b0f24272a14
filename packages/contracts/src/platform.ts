// 创新平台: contracts shared by the server and the web app.
export {};
