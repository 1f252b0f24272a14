// 专家抽取与评审: contracts shared by the server and the web app.
export {};
