// 评审专家库: contracts shared by the server and the web app.
export {};
