<%@ page contentType="text/plain;charset=UTF-8" %>part ${param.p}
